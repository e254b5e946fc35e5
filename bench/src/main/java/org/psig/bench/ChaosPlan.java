package org.psig.bench;

import java.time.Duration;

/**
 * The chaos suite's two modes: the full one whose figures are quoted (200 reports/s, the registry
 * away 30 s), and a quick one that CI runs to prove the suite works from a fresh clone (5 reports/s,
 * without waiting for health between faults: on two cores the cluster stack is saturated at 10,
 * docs/reliability.md).
 *
 * @param lead         load before each fault, so the phase shows the pipeline healthy first
 * @param phase        the shortest phase, from its fault; longer when the parts take longer to come back
 * @param healthy      a report notified later than this after its intended send time was affected
 * @param window       the pipeline is healthy again once every report of a window this long was
 *                     accepted and notified within {@code healthy}: the warm-up lasts until then,
 *                     and each fault's phase too
 * @param settle       how long to wait for that before going on regardless (said in the log); zero
 *                     in the quick mode, whose faults then strike a pipeline still recovering
 * @param partsBack    how long to wait for a killed part to be started again and ready before going
 *                     on (./psig up keeps starting it)
 */
record ChaosPlan(String mode, double rate, Duration warmUp, Duration baseline, Duration lead, Duration phase,
                 Duration registryPause, Duration storm, Duration healthy, Duration window, Duration settle,
                 Duration partsBack, Duration finalDrain) {

    static final ChaosPlan QUICK = new ChaosPlan("quick", 5, Duration.ofSeconds(10), Duration.ofSeconds(5),
            Duration.ofSeconds(3), Duration.ofSeconds(12), Duration.ofSeconds(8), Duration.ofSeconds(10),
            Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ZERO, Duration.ofSeconds(10),
            Duration.ofSeconds(180));
    static final ChaosPlan FULL = new ChaosPlan("full", 200, Duration.ofSeconds(60), Duration.ofSeconds(30),
            Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofSeconds(30),
            Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(300), Duration.ofSeconds(180),
            Duration.ofSeconds(300));

    /** The same plan at another rate (./psig chaos --rate N): a machine's own capacity decides what it can carry. */
    ChaosPlan at(double perSecond) {
        if (!(perSecond > 0 && perSecond <= 5000)) {
            throw new IllegalArgumentException("--rate takes 1 to 5000 reports a second, not " + perSecond);
        }
        return new ChaosPlan(mode, perSecond, warmUp, baseline, lead, phase, registryPause, storm, healthy, window, settle,
                partsBack, finalDrain);
    }
}
