package org.psig.intake.api;

import java.time.Clock;
import java.time.ZoneOffset;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.psig.intake.config.IntakeProperties;
import org.psig.intake.report.ReportTimes;
import org.psig.intake.report.UpdateRules;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** A fixed clock and a simple meter registry for the web-layer tests. */
@TestConfiguration
@EnableConfigurationProperties(IntakeProperties.class)
class IntakeWebFixtures {

    @Bean
    Clock clock() {
        return Clock.fixed(IntakeWebTestBase.NOW, ZoneOffset.UTC);
    }

    @Bean
    ReportTimes reportTimes(Clock clock, IntakeProperties properties) {
        return new ReportTimes(clock, properties.allowedClockSkew());
    }

    @Bean
    UpdateRules updateRules(Clock clock, IntakeProperties properties) {
        return new UpdateRules(clock, properties.allowedClockSkew());
    }

    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }
}
