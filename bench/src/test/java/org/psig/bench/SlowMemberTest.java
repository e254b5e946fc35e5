package org.psig.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.Test;

class SlowMemberTest {

    @Test
    void theStormsOwnFailureIsRecognisedThroughStreamsWrapping() {
        StreamsException punctuated = new StreamsException("Exception caught while punctuating",
                new SlowMember.Stall());

        assertThat(SlowMember.isStall(punctuated)).isTrue();
    }

    @Test
    void anyOtherFailureIsNotTakenForTheStorm() {
        StreamsException other = new StreamsException("Exception caught in process",
                new IllegalStateException("The slow member fails its thread, as expelled members do"));

        assertThat(SlowMember.isStall(other)).isFalse();
        assertThat(SlowMember.isStall(new RuntimeException("unrelated"))).isFalse();
    }
}
