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
 * server-sent events ("verdict", "campaign") as soon as the board has them. It stops listening once
 * the page has gone.
 */
final class LiveFeed implements Consumer<Object> {

    private final Board board;
    private final Filter filter;
    private final SseEmitter emitter = new SseEmitter(0L);

    private LiveFeed(Board board, Filter filter) {
        this.board = board;
        this.filter = filter;
    }

    static SseEmitter open(Board board, Filter filter) {
        LiveFeed feed = new LiveFeed(board, filter);
        feed.emitter.onCompletion(feed::close);
        feed.emitter.onTimeout(feed::close);
        feed.emitter.onError(error -> feed.close());
        board.listen(feed);
        try {
            // The response starts here: the page knows it is live before the first verdict arrives.
            feed.emitter.send(SseEmitter.event().comment("live"));
        } catch (IOException gone) {
            feed.close();
        }
        return feed.emitter;
    }

    @Override
    public void accept(Object card) {
        try {
            if (card instanceof IncidentCard incident && filter.matches(incident)) {
                emitter.send(SseEmitter.event().name("verdict").data(incident));
            } else if (card instanceof CampaignCard campaign) {
                emitter.send(SseEmitter.event().name("campaign").data(campaign));
            }
        } catch (IOException | IllegalStateException gone) {
            close();
        }
    }

    private void close() {
        board.unlisten(this);
    }
}
