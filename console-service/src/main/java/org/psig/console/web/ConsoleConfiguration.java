package org.psig.console.web;

import org.psig.console.board.Board;
import org.psig.console.feed.BoardFeed;
import org.psig.kafka.TopicFollower;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;

/** The board, the feed that fills it, and readiness: ready once the board has caught up with the topics. */
@Configuration(proxyBeanMethods = false)
class ConsoleConfiguration {

    @Bean
    Board board() {
        return new Board();
    }

    @Bean
    TopicFollower topicFeed(ConsumerFactory<String, Object> consumers, Board board) {
        return BoardFeed.follow(consumers, board);
    }

    @Bean
    HealthIndicator boardHealthIndicator(TopicFollower feed) {
        return () -> feed.caughtUp() ? Health.up().build() : Health.down().withDetail("board", "reading the topics").build();
    }
}
