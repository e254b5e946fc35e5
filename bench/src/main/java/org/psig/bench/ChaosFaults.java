package org.psig.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.psig.schemas.Topics;

/** The faults of the chaos suite, one after the other, on a stack of three brokers and two instances of each service. */
final class ChaosFaults {

    /**
     * What a fault did: how long it lasted, how long until its parts answered again (null: not within
     * the plan's partsBack, and the run went on without waiting more), and what it struck.
     */
    record Done(double faultSeconds, Double partsBackSeconds, String detail) {
    }

    @FunctionalInterface
    interface Injection {
        Done inject() throws Exception;
    }

    record Fault(String name, String description, Injection injection) {
    }

    private static final StackParts.Part INTAKE_2 = StackParts.instance("intake-service", 2, 8080, 8090);
    private static final StackParts.Part TRIAGE_1 = StackParts.instance("triage-service", 1, 8082, 8082);
    private static final StackParts.Part TRIAGE_2 = StackParts.instance("triage-service", 2, 8082, 8082);
    private static final StackParts.Part NOTIFICATION_2 = StackParts.instance("notification-service", 2, 8083, 8083);
    private static final StackParts.Part CORRELATION_2 = StackParts.instance("correlation-service", 2, 8084, 8084);

    /** Each time the slow member gets partitions, the group rebalanced for it, and once more when it is expelled. */
    private static final int STORM_ASSIGNMENTS = 2;

    private final StackParts parts;
    private final ChaosPlan plan;
    private final String bootstrap;

    ChaosFaults(StackParts parts, ChaosPlan plan, String bootstrap) {
        this.parts = parts;
        this.plan = plan;
        this.bootstrap = bootstrap;
    }

    List<Fault> all() {
        return List.of(
                new Fault("leader-broker", "the broker leading partition 0 of " + Topics.INCIDENT_REPORTED
                        + " SIGKILLed; ./psig up starts it again", this::leaderBroker),
                new Fault("one-of-each", "instance 2 of intake, triage, notification and correlation SIGKILLed together;"
                        + " ./psig up starts each again", () -> kill(List.of(INTAKE_2, TRIAGE_2, NOTIFICATION_2, CORRELATION_2))),
                new Fault("all-triage", "both triage instances SIGKILLed together; ./psig up starts each again",
                        () -> kill(List.of(TRIAGE_1, TRIAGE_2))),
                new Fault("registry-stopped", "the schema registry stopped (SIGSTOP) for "
                        + plan.registryPause().toSeconds() + " s, then let go on (SIGCONT)", this::registryStopped),
                new Fault("rebalance-storm", "a slow member in the notification group for " + plan.storm().toSeconds()
                        + " s: takes partitions, stalls past max.poll.interval.ms (3 s), is expelled, joins again",
                        this::rebalanceStorm));
    }

    private Done leaderBroker() throws Exception {
        int leader = parts.leaderOf(Topics.INCIDENT_REPORTED, 0);
        StackParts.Part broker = parts.broker(leader);
        long begin = System.nanoTime();
        long pid = parts.kill(broker);
        Double back = await(() -> parts.back(broker, pid), begin, broker.name() + " back");
        // Its copies catch up behind the load; the next faults strike no broker, so they need not wait.
        List<String> topics = new ArrayList<>(Bench.notificationTopics());
        topics.addAll(List.of(Topics.INCIDENT_REPORTED, Topics.INCIDENT_TRIAGED));
        return new Done(0, back, "broker " + leader + " killed" + (back == null ? ""
                : "; every copy in sync again " + (parts.fullyReplicated(topics) ? "when" : "not yet when")
                + " it listened again"));
    }

    private Done kill(List<StackParts.Part> killed) {
        long begin = System.nanoTime();
        List<Long> pids = killed.stream().map(parts::kill).toList();
        Double back = await(() -> {
            for (int i = 0; i < killed.size(); i++) {
                if (!parts.back(killed.get(i), pids.get(i))) {
                    return false;
                }
            }
            return true;
        }, begin, "every part started again and ready");
        return new Done(0, back, String.join(", ", killed.stream().map(StackParts.Part::name).toList()));
    }

    private Done registryStopped() throws Exception {
        StackParts.Part registry = StackParts.registry();
        long begin = System.nanoTime();
        parts.signal(registry, "STOP");
        try {
            Sleeps.millis(plan.registryPause().toMillis());
        } finally {
            parts.signal(registry, "CONT");
        }
        double stopped = seconds(begin);
        Double back = await(() -> parts.ready(registry.readiness()), begin, "the registry answering again");
        return new Done(stopped, back, "pid " + parts.process(registry).pid());
    }

    private Done rebalanceStorm() {
        long begin = System.nanoTime();
        int assignments = SlowMember.storm(bootstrap, "notification-service", Topics.INCIDENT_TRIAGED, plan.storm(),
                STORM_ASSIGNMENTS, plan.storm().multipliedBy(8));
        double storm = seconds(begin);
        if (assignments < STORM_ASSIGNMENTS) {
            throw new IllegalStateException("the slow member was given partitions " + assignments + " times in "
                    + Math.round(storm) + " s: the storm forced too few rebalances to count as one");
        }
        return new Done(storm, storm, "the slow member was given partitions " + assignments + " times");
    }

    /**
     * Seconds from {@code beginNanos} until the condition holds; null if it did not within the plan's
     * partsBack: the run goes on (./psig up keeps starting the parts), and the next fault may find them
     * still starting.
     */
    private Double await(BooleanSupplier condition, long beginNanos, String what) {
        long deadline = System.nanoTime() + plan.partsBack().toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                Bench.log("  not within " + plan.partsBack().toSeconds() + " s: " + what + "; going on");
                return null;
            }
            Sleeps.millis(250);
        }
        return seconds(beginNanos);
    }

    private static double seconds(long beginNanos) {
        return (System.nanoTime() - beginNanos) / 1e9;
    }
}
