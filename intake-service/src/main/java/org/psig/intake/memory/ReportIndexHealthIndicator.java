package org.psig.intake.memory;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** Not ready until the memory of accepted reports is loaded: before that, a resend could not be recognised. */
@Component
class ReportIndexHealthIndicator extends AbstractHealthIndicator {

    private final ReportIndex index;

    ReportIndexHealthIndicator(ReportIndex index) {
        this.index = index;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        (index.loaded() ? builder.up() : builder.outOfService()).withDetail("reports", index.size())
                .withDetail("fromSnapshot", index.fromSnapshot());
    }
}
