package org.psig.console.web;

import java.io.IOException;
import java.util.function.Consumer;

import org.psig.console.board.Board;
import org.psig.console.board.CampaignCard;
import org.psig.console.board.Filter;
import org.psig.console.board.IncidentCard;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One analyst's live feed: verdicts the filter lets through and every campaign change, pushed as
 * server-sent events ("verdict", "campaign") as soon as the board has them.
 */
final class LiveFeed {

    private LiveFeed() {
    }

    static SseEmitter open(Board board, Filter filter) {
        SseEmitter emitter = new SseEmitter(0L);
        Consumer<Object>[] self = new Consumer[1];
        self[0] = card -> {
            try {
                if (card instanceof IncidentCard incident && filter.matches(incident)) {
                    emitter.send(SseEmitter.event().name("verdict").data(incident));
                } else if (card instanceof CampaignCard campaign) {
                    emitter.send(SseEmitter.event().name("campaign").data(campaign));
                }
            } catch (IOException | IllegalStateException gone) {
                board.unlisten(self[0]);
            }
        };
        emitter.onCompletion(() -> board.unlisten(self[0]));
        emitter.onTimeout(() -> board.unlisten(self[0]));
        emitter.onError(error -> board.unlisten(self[0]));
        board.listen(self[0]);
        try {
            // The response starts here: the page knows it is live before the first verdict arrives.
            emitter.send(SseEmitter.event().comment("live"));
        } catch (IOException gone) {
            board.unlisten(self[0]);
        }
        return emitter;
    }
}
