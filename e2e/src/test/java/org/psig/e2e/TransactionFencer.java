package org.psig.e2e;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fences a service's open transactions as its transaction coordinator does when one outlives
 * {@code transaction.timeout.ms} on an overloaded cluster: the transaction is aborted and its
 * producer fenced, while the service goes on believing its batch is being processed.
 */
final class TransactionFencer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TransactionFencer.class);

    private static final Duration OPEN_FOR = Duration.ofSeconds(1);

    private final Admin admin;
    private final String transactionalIdPrefix;

    TransactionFencer(String brokers, String transactionalIdPrefix) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers));
        this.transactionalIdPrefix = transactionalIdPrefix;
    }

    /**
     * Fences the service's transactions {@code times} times, each once the service has done
     * {@code progressBetween} more records than at the previous one (so that each fence strikes a
     * service that came back from the one before), stopping early when the work left is too little
     * to strike in. Returns the number of fences.
     *
     * <p>An open transaction is fenced if one is seen within {@link #OPEN_FOR}; a service whose
     * transactions are too short to be seen open has its producers fenced between two, and its next
     * batch fails to commit just the same.
     */
    int fence(int times, int progressBetween, IntSupplier done, int total) {
        int fenced = 0;
        while (fenced < times && !nearlyDone(done, progressBetween, total)) {
            int from = done.getAsInt();
            await("the service doing " + progressBetween + " more records").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(100)).until(() -> done.getAsInt() >= from + progressBetween);
            long lookingSince = System.nanoTime();
            AtomicReference<String> struck = new AtomicReference<>();
            await("a transaction of " + transactionalIdPrefix + "* to fence").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> {
                        boolean evenIdle = System.nanoTime() - lookingSince > OPEN_FOR.toNanos();
                        struck.set(fenceTransactions(evenIdle));
                        return struck.get() != null || nearlyDone(done, progressBetween, total);
                    });
            if (struck.get() != null) {
                fenced++;
                log.info("Fence {} of {} after {} records done: {}.", fenced, times, done.getAsInt(), struck.get());
            }
        }
        return fenced;
    }

    private static boolean nearlyDone(IntSupplier done, int progressBetween, int total) {
        return done.getAsInt() + progressBetween >= total;
    }

    /** What was fenced, or null if nothing was. */
    private String fenceTransactions(boolean evenIdle) throws InterruptedException, ExecutionException {
        List<String> ids = admin.listTransactions().all().get().stream()
                .filter(listing -> listing.transactionalId().startsWith(transactionalIdPrefix))
                .filter(listing -> evenIdle || listing.state() == TransactionState.ONGOING)
                .map(TransactionListing::transactionalId).toList();
        if (ids.isEmpty()) {
            return null;
        }
        admin.fenceProducers(ids).all().get();
        return (evenIdle ? "producers fenced between transactions: " : "open transaction aborted: ") + ids;
    }

    @Override
    public void close() {
        admin.close();
    }
}
