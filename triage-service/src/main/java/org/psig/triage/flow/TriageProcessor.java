package org.psig.triage.flow;

import java.util.List;
import java.util.Optional;

import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.psig.kafka.streams.IncidentProcessor;
import org.psig.kafka.streams.Output;
import org.psig.kafka.streams.Remembered;
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
    private Remembered soFar;
    private KeyValueStore<String, String> campaigns;

    TriageProcessor(RevisionTriage triage, StreamsParts parts) {
        super(IncidentReported.class, parts);
        this.triage = triage;
    }

    @Override
    public void init(ProcessorContext<String, Output> context) {
        super.init(context);
        soFar = Remembered.in(context, STORE);
        campaigns = context.getStateStore(CampaignMembers.STORE);
    }

    @Override
    protected List<Output> handle(String incidentId, IncidentReported reported) {
        Optional<TriagedSoFar> known = soFar.find(incidentId).map(TriagedSoFar::decode);
        return triage.triage(reported, known, CampaignMembers.of(campaigns.get(incidentId)))
                .map(triaged -> {
                    soFar.put(incidentId, triaged.remembered().encode());
                    return List.of(new Output(Topics.INCIDENT_TRIAGED, incidentId, triaged.verdict(),
                            VerdictHeaders.of(triaged.verdict())));
                })
                .orElse(List.of());
    }
}
