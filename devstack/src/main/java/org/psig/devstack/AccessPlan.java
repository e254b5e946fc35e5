package org.psig.devstack;

import static org.apache.kafka.common.acl.AclOperation.ALL;
import static org.apache.kafka.common.acl.AclOperation.CREATE;
import static org.apache.kafka.common.acl.AclOperation.DESCRIBE;
import static org.apache.kafka.common.acl.AclOperation.READ;
import static org.apache.kafka.common.acl.AclOperation.WRITE;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.psig.schemas.Topics;

/**
 * Who may do what on the broker: each ARS reads its own topic only, the HFDS its own, CERT Santé
 * the verdicts, the unrouted reports and the dead letters; each service exactly what it does.
 * Consumers of a recipient use consumer groups named after their principal ({@code ars-53-...}).
 */
final class AccessPlan {

    private final List<AclBinding> bindings = new ArrayList<>();

    private AccessPlan() {
    }

    static List<AclBinding> bindings() {
        AccessPlan plan = new AccessPlan();
        plan.intake();
        plan.triage();
        plan.notification();
        plan.correlation();
        for (String region : Topics.ARS_REGION_CODES) {
            plan.reader(Credentials.ars(region), Topics.arsNotification(region));
        }
        plan.reader(Credentials.HFDS, Topics.NOTIFICATION_HFDS, Topics.NOTIFICATION_CAMPAIGNS);
        plan.reader(Credentials.CERT_SANTE, Topics.INCIDENT_TRIAGED, Topics.NOTIFICATION_UNROUTED,
                Topics.deadLetters(Topics.INCIDENT_REPORTED), Topics.deadLetters(Topics.INCIDENT_TRIAGED),
                Topics.INCIDENT_CAMPAIGNS, Topics.NOTIFICATION_CAMPAIGNS);
        return List.copyOf(plan.bindings);
    }

    private void intake() {
        String user = "intake-service";
        // Writes the reports, and reads them back as its memory of what it accepted.
        topic(user, Topics.INCIDENT_REPORTED, CREATE, DESCRIBE, WRITE, READ);
        // Reads what became of each report, for the status it shows the declarant: verdicts and the
        // notifications' headers. It reads them without a consumer group.
        List<String> outcomes = new ArrayList<>(List.of(Topics.INCIDENT_TRIAGED, Topics.NOTIFICATION_HFDS,
                Topics.NOTIFICATION_UNROUTED));
        outcomes.addAll(Topics.allArsNotifications());
        outcomes.forEach(outcome -> topic(user, outcome, DESCRIBE, READ));
    }

    private void triage() {
        String user = "triage-service";
        topic(user, Topics.INCIDENT_REPORTED, CREATE, DESCRIBE, READ);
        for (String output : List.of(Topics.INCIDENT_TRIAGED, Topics.deadLetters(Topics.INCIDENT_REPORTED))) {
            topic(user, output, CREATE, DESCRIBE, WRITE);
        }
        // Reads the campaigns, so that later verdicts name them.
        topic(user, Topics.INCIDENT_CAMPAIGNS, CREATE, DESCRIBE, READ);
        // The memory of the release before, read only (docs/architecture.md "Upgrading").
        topic(user, Topics.TRIAGE_SEEN_INCIDENTS, DESCRIBE, READ);
        streams(user, user);
    }

    private void notification() {
        String user = "notification-service";
        topic(user, Topics.INCIDENT_TRIAGED, DESCRIBE, READ);
        List<String> outputs = new ArrayList<>(Topics.allArsNotifications());
        outputs.addAll(List.of(Topics.NOTIFICATION_HFDS, Topics.NOTIFICATION_UNROUTED, Topics.deadLetters(Topics.INCIDENT_TRIAGED)));
        for (String output : outputs) {
            topic(user, output, CREATE, DESCRIBE, WRITE);
        }
        topic(user, Topics.NOTIFIER_NOTIFIED_INCIDENTS, DESCRIBE, READ);
        streams(user, user);
    }

    private void correlation() {
        String user = "correlation-service";
        topic(user, Topics.INCIDENT_TRIAGED, CREATE, DESCRIBE, READ);
        for (String output : List.of(Topics.INCIDENT_CAMPAIGNS, Topics.NOTIFICATION_CAMPAIGNS)) {
            topic(user, output, CREATE, DESCRIBE, WRITE);
        }
        streams(user, "psig-correlation");
    }

    /**
     * Kafka Streams under exactly_once_v2: its consumer group, transactional ids and internal topics
     * (repartition, changelog) all start with the application id.
     */
    private void streams(String user, String applicationId) {
        allow(user, new ResourcePattern(ResourceType.TOPIC, applicationId + "-", PatternType.PREFIXED), ALL);
        allow(user, new ResourcePattern(ResourceType.GROUP, applicationId, PatternType.LITERAL), READ, DESCRIBE);
        allow(user, new ResourcePattern(ResourceType.TRANSACTIONAL_ID, applicationId + "-", PatternType.PREFIXED),
                WRITE, DESCRIBE);
    }

    private void reader(String user, String... topics) {
        for (String topic : topics) {
            topic(user, topic, DESCRIBE, READ);
        }
        allow(user, new ResourcePattern(ResourceType.GROUP, user, PatternType.PREFIXED), READ, DESCRIBE);
    }

    private void topic(String user, String topic, AclOperation... operations) {
        allow(user, new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL), operations);
    }

    private void allow(String user, ResourcePattern resource, AclOperation... operations) {
        for (AclOperation operation : operations) {
            bindings.add(new AclBinding(resource,
                    new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW)));
        }
    }
}
