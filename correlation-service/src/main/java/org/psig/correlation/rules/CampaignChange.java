package org.psig.correlation.rules;

import java.time.Instant;

/**
 * A campaign's new state, and the alert it raises, if any: on opening, at a growth step, on closing.
 *
 * @param alert null when the change is not worth a page (a new member between steps, a member's revision)
 */
public record CampaignChange(CampaignView campaign, Alert alert) {

    public enum Event { OPENED, GREW, CLOSED }

    /**
     * @param step the member count that raised it
     * @param at when correlation raised it
     */
    public record Alert(Event event, int step, Instant at) {
    }
}
