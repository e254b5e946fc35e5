package org.psig.intake.status;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Not ready until the verdicts and notifications already on the topics are read: before that, a
 * restarted instance would answer a report's status as less advanced than it is.
 */
@Component
class IncidentTimelineHealthIndicator extends AbstractHealthIndicator {

    private final IncidentTimeline timeline;

    IncidentTimelineHealthIndicator(IncidentTimeline timeline) {
        this.timeline = timeline;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        (timeline.loaded() ? builder.up() : builder.outOfService()).withDetail("incidentsWithVerdict", timeline.verdicts());
    }
}
