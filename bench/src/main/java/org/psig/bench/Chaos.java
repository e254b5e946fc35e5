package org.psig.bench;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.psig.schemas.Topics;

/**
 * {@code ./psig chaos [--quick]}: reports at a steady rate, open loop, while faults strike a stack of
 * three brokers and two instances of each service one after the other; for each, what was accepted,
 * notified, lost, duplicated, refused, and how long the pipeline took to recover. Results in
 * {@code bench/chaos-results/<timestamp>-<mode>/}.
 */
public final class Chaos {

    /** One stretch of the run: from its start, a fault at {@code faultNanos}, until its end. */
    private record Phase(String name, String description, long startNanos, long faultNanos, long endNanos,
                         ChaosFaults.Done done) {

        /** A stretch without a fault, whose slow reports show what the machine does unprovoked. */
        static Phase control(String name, String description, long startNanos, long endNanos) {
            return new Phase(name, description, startNanos, startNanos, endNanos, null);
        }
    }

    private final ChaosPlan plan;
    private final Bench.Settings settings;
    private final List<String> intakes;
    private final Path home;

    private Chaos(ChaosPlan plan, Bench.Settings settings, List<String> intakes, Path home) {
        this.plan = plan;
        this.settings = settings;
        this.intakes = intakes;
        this.home = home;
    }

    public static void main(String[] args) {
        int status = 0;
        try {
            ChaosPlan plan = plan(List.of(args));
            Bench.Settings settings = Bench.Settings.fromEnvironment();
            List<String> intakes = List.of(System.getenv().getOrDefault("PSIG_INTAKE_URLS", settings.intakeUrl()).split(","));
            Path home = Path.of(System.getenv().getOrDefault("PSIG_HOME", ".psig"));
            ChaosResults results = new Chaos(plan, settings, intakes, home).run();
            Path out = results.write(Path.of(System.getenv().getOrDefault("PSIG_CHAOS_RESULTS", "bench/chaos-results")));
            System.out.print(results.table());
            System.out.println("results in " + out);
            if (!results.passed()) {
                System.out.println("chaos: FAILED: a report was lost or duplicated, or a refusal was not a 503 with Retry-After");
                status = 1;
            }
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        }
        // The HTTP client's and Kafka's threads would keep the JVM alive.
        System.exit(status);
    }

    /** --quick, and --rate N: the rate of either mode. */
    static ChaosPlan plan(List<String> args) {
        ChaosPlan plan = args.contains("--quick") ? ChaosPlan.QUICK : ChaosPlan.FULL;
        int rate = args.indexOf("--rate");
        if (rate >= 0) {
            if (rate + 1 >= args.size()) {
                throw new IllegalArgumentException("--rate takes a number of reports a second");
            }
            plan = plan.at(Double.parseDouble(args.get(rate + 1)));
        }
        return plan;
    }

    private ChaosResults run() throws Exception {
        long began = System.nanoTime();
        ReportBodies bodies = new ReportBodies(UUID.randomUUID().toString().substring(0, 8), 7);
        List<Phase> phases = new ArrayList<>();
        List<ChaosLoad.Sent> sent;
        List<FaultResult> results = new ArrayList<>();
        try (StackParts parts = new StackParts(home, settings.bootstrap());
             NotificationWatcher watcher = new NotificationWatcher(settings.bootstrap(), Bench.notificationTopics())) {
            parts.requireReplicated(Topics.NOTIFICATION_HFDS);
            Bench.log("chaos (" + plan.mode() + "): " + plan.rate() + " reports/s over " + intakes + "; warm-up "
                    + plan.warmUp().toSeconds() + " s");
            ChaosLoad load = new ChaosLoad(intakes, settings.apiKey(), watcher, bodies, plan.rate());
            Sleeps.millis(plan.warmUp().toMillis());
            awaitHealthy(load, load.startNanos(), "after the warm-up");
            long start = System.nanoTime();
            phases.add(Phase.control("warm-up", "no fault: the JVMs warm up", Long.MIN_VALUE, start));
            Sleeps.millis(plan.baseline().toMillis());
            phases.add(Phase.control("none", "no fault: the baseline", start, System.nanoTime()));
            for (ChaosFaults.Fault fault : new ChaosFaults(parts, plan, settings.bootstrap()).all()) {
                phases.add(strike(fault, load));
            }
            sent = load.stop();
            Phase last = phases.remove(phases.size() - 1);
            // The reports sent while the load stopped count with the last phase.
            phases.add(new Phase(last.name(), last.description(), last.startNanos(), last.faultNanos(), Long.MAX_VALUE,
                    last.done()));
            List<UUID> accepted = sent.stream().filter(s -> s.status() == 202).map(ChaosLoad.Sent::incidentId).toList();
            Bench.log("load stopped: " + sent.size() + " sent, " + accepted.size() + " accepted; waiting up to "
                    + plan.finalDrain().toSeconds() + " s for their notifications");
            // Late is not lost: every accepted report gets until the end of the run to be notified.
            watcher.awaitComplete(accepted, plan.finalDrain());
            Sleeps.millis(2_000);
            for (Phase phase : phases) {
                List<ChaosLoad.Sent> of = sent.stream()
                        .filter(s -> s.intendedNanos() >= phase.startNanos() && s.intendedNanos() < phase.endNanos()).toList();
                results.add(phase.done() == null
                        ? FaultResult.control(phase.name(), phase.description(), of, watcher::seen, plan.healthy().toNanos())
                        : FaultResult.of(phase.name(), phase.description(), phase.faultNanos(), phase.done().faultSeconds(),
                                phase.done().partsBackSeconds(), of, watcher::seen, plan.healthy().toNanos(),
                                phase.done().detail()));
            }
        }
        return new ChaosResults(plan, results, sent.size(), (System.nanoTime() - began) / 1e9,
                LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    }

    /**
     * Load alone for the lead, then the fault, then load until the phase has lasted long enough after
     * it and the pipeline is healthy again: the next fault strikes a pipeline that recovered.
     */
    private Phase strike(ChaosFaults.Fault fault, ChaosLoad load) throws Exception {
        long start = System.nanoTime();
        Sleeps.millis(plan.lead().toMillis());
        Bench.log(fault.name() + ": " + fault.description());
        long faultNanos = System.nanoTime();
        ChaosFaults.Done done = fault.injection().inject();
        Bench.log("  " + done.detail() + (done.partsBackSeconds() == null ? "" : String.format(java.util.Locale.ROOT,
                "; parts back after %.1f s", done.partsBackSeconds())));
        Sleeps.until(Math.max(System.nanoTime() + plan.lead().toNanos(), faultNanos + plan.phase().toNanos()));
        awaitHealthy(load, done.partsBackSeconds() == null ? System.nanoTime()
                : faultNanos + (long) (done.partsBackSeconds() * 1e9), "after " + fault.name());
        return new Phase(fault.name(), fault.description(), start, faultNanos, System.nanoTime(), done);
    }

    /**
     * Until every report of the last window, sent after {@code notBefore}, was accepted and notified
     * within the healthy latency; at most the plan's settle time, then on regardless, said in the log.
     */
    private void awaitHealthy(ChaosLoad load, long notBefore, String when) {
        if (plan.settle().isZero()) {
            return;
        }
        long begin = System.nanoTime();
        long deadline = begin + plan.settle().toNanos();
        while (System.nanoTime() < deadline) {
            long to = System.nanoTime() - plan.healthy().toNanos();
            long from = to - plan.window().toNanos();
            if (from >= notBefore && load.healthy(from, to, plan.healthy().toNanos())) {
                Bench.log(String.format(java.util.Locale.ROOT, "  healthy %s: every report of the last %d s notified"
                        + " within %d ms (waited %.0f s)", when, plan.window().toSeconds(), plan.healthy().toMillis(),
                        (System.nanoTime() - begin) / 1e9));
                return;
            }
            Sleeps.millis(500);
        }
        Bench.log("  NOT healthy " + when + " within " + plan.settle().toSeconds() + " s; going on");
    }
}
