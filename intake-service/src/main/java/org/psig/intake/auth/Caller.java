package org.psig.intake.auth;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.psig.intake.config.IntakeProperties.ApiKey;
import org.psig.intake.config.IntakeProperties.LegalEntity;

/**
 * Who holds a valid key, and the sites (FINESS ET) it may report for and read. A legal entity in a
 * key stands for the sites configured for it, never for whatever site declares that entity: a report
 * names its own finessEj, and a key must not reach a site by a claim the report itself makes.
 *
 * @param name the key's name, for logs, metrics and rate limits
 * @param sites the sites it covers
 * @param anySite whether it covers every site ({@code *}, the local demo key)
 */
public record Caller(String name, Set<String> sites, boolean anySite) {

    public Caller {
        sites = Set.copyOf(sites);
    }

    /** The sites a key reaches: its sites, and those of the legal entities it names. */
    public static Caller of(ApiKey key, List<LegalEntity> legalEntities) {
        Set<String> sites = new HashSet<>();
        for (String establishment : key.establishments()) {
            List<LegalEntity> asEntity = legalEntities.stream()
                    .filter(entity -> entity.finessEj().equals(establishment)).toList();
            if (asEntity.isEmpty()) {
                sites.add(establishment);
            } else {
                asEntity.forEach(entity -> sites.addAll(entity.sites()));
            }
        }
        return new Caller(key.name(), sites, key.establishments().contains("*"));
    }

    public boolean covers(String finessEt) {
        return anySite || sites.contains(finessEt);
    }
}
