package org.psig.triage.flow;

import java.util.List;
import java.util.Optional;

import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.psig.kafka.streams.IncidentProcessor;
import org.psig.kafka.streams.LegacyMemory;
import org.psig.kafka.streams.Output;
import org.psig.kafka.streams.StreamsParts;
import org.psig.schemas.IncidentReported;
import org.psig.schemas.Topics;
import org.psig.schemas.VerdictHeaders;

/**
 * psig.incident.reported in, verdicts out, what triage remembers of each incident in a changelogged
 * store: under exactly_once_v2 the verdict, the store update and the input offset commit together,
 * so a crash repeats no verdict and loses none. An incident triaged by the release before this one
 * is found in its memory topic, read as a global store, until this one remembers it.
 */
final class TriageProcessor extends IncidentProcessor<IncidentReported> {

    static final String STORE = "triaged-so-far";

    private final RevisionTriage triage;
    private KeyValueStore<String, String> soFar;
    private KeyValueStore<String, String> campaigns;
    private Optional<KeyValueStore<String, String>> earlierRelease;

    TriageProcessor(RevisionTriage triage, StreamsParts parts) {
        super(IncidentReported.class, parts);
        this.triage = triage;
    }

    @Override
    public void init(ProcessorContext<String, Output> context) {
        super.init(context);
        soFar = context.getStateStore(STORE);
        campaigns = context.getStateStore(CampaignMembers.STORE);
        earlierRelease = LegacyMemory.find(context);
    }

    @Override
    protected List<Output> handle(String incidentId, IncidentReported reported) {
        Optional<TriagedSoFar> known = Optional.ofNullable(soFar.get(incidentId))
                .or(() -> earlierRelease.map(store -> store.get(incidentId)))
                .map(TriagedSoFar::decode);
        return triage.triage(reported, known, CampaignMembers.of(campaigns.get(incidentId)))
                .map(triaged -> {
                    soFar.put(incidentId, triaged.remembered().encode());
                    return List.of(new Output(Topics.INCIDENT_TRIAGED, incidentId, triaged.verdict(),
                            VerdictHeaders.of(triaged.verdict())));
                })
                .orElse(List.of());
    }
}
