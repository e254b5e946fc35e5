package org.psig.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void shouldNameArsTopicAfterTheRegionCode() {
        assertThat(Topics.arsNotification("06")).isEqualTo("psig.notification.ars.06");
    }

    @Test
    void shouldRefuseARegionCodeNoArsHas() {
        assertThatThrownBy(() -> Topics.arsNotification("../hfds")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldDeclareEighteenArsTopics() {
        assertThat(Topics.allArsNotifications()).hasSize(18).doesNotHaveDuplicates();
    }
}
