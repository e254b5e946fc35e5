package org.psig.console.feed;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.psig.console.board.Board;
import org.psig.kafka.TopicFollower;
import org.psig.schemas.Campaign;
import org.psig.schemas.IncidentTriaged;
import org.psig.schemas.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.ConsumerFactory;

/** Puts the verdicts and the campaigns onto the board, every console instance all of them. */
public final class BoardFeed implements TopicFollower.Sink {

    private static final Logger log = LoggerFactory.getLogger(BoardFeed.class);

    private final Board board;

    private BoardFeed(Board board) {
        this.board = board;
    }

    /** Reads both topics from their beginning onto the board, then follows them. */
    public static TopicFollower follow(ConsumerFactory<String, Object> consumers, Board board) {
        return new TopicFollower(consumers, List.of(Topics.INCIDENT_TRIAGED, Topics.INCIDENT_CAMPAIGNS), "console-feed",
                new BoardFeed(board));
    }

    @Override
    public void accept(ConsumerRecord<String, Object> record) {
        if (record.value() instanceof IncidentTriaged triaged) {
            board.add(CardMapper.incident(triaged));
        } else if (record.value() instanceof Campaign campaign) {
            board.add(CardMapper.campaign(campaign));
        } else {
            log.warn("{}-{}@{}: not a verdict nor a campaign; not shown", record.topic(), record.partition(), record.offset());
        }
    }
}
