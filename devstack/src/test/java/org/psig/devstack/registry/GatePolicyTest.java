package org.psig.devstack.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reads for anyone, those that send a schema to look it up too; writes with the deploy token only. */
class GatePolicyTest {

    private final GatePolicy policy = new GatePolicy("deploy-token-0123456789");

    @ParameterizedTest(name = "{0} {1} with ''{2}'': {3}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            GET     | /apis/ccompat/v7/subjects                                    | none                            | true
            head    | /apis/registry/v2/ids/contentIds/1                           | none                            | true
            OPTIONS | /apis/registry/v2/groups                                     | none                            | true
            GET     | /apis/ccompat/v7/config                                      | Bearer wrong                    | true
            POST    | /apis/registry/v2/groups/default/artifacts/psig.x-value/meta | none                            | true
            POST    | /apis/ccompat/v7/subjects/psig.x-value                       | none                            | true
            POST    | /apis/registry/v2/search/artifacts                           | none                            | true
            POST    | /apis/ccompat/v7/subjects/psig.x-value/versions              | none                            | false
            POST    | /apis/registry/v2/groups/default/artifacts                   | none                            | false
            POST    | /apis/registry/v2/groups/default/artifacts/a/b/meta          | none                            | false
            POST    | /apis/registry/v2/groups/default/artifacts/psig.x-value/meta/ | none                           | false
            POST    | /apis/ccompat/v7/subjects/psig.x-value/versions              | Bearer wrong                    | false
            POST    | /apis/ccompat/v7/subjects/psig.x-value/versions              | Basic ZGVwbG95OnRva2Vu          | false
            POST    | /apis/ccompat/v7/subjects/psig.x-value/versions              | Bearer deploy-token-0123456789  | true
            post    | /apis/registry/v2/groups/default/artifacts                   | bearer deploy-token-0123456789  | true
            PUT     | /apis/ccompat/v7/config                                      | none                            | false
            PUT     | /apis/ccompat/v7/config                                      | Bearer deploy-token-0123456789  | true
            PUT     | /apis/registry/v2/groups/default/artifacts/psig.x-value/meta | none                            | false
            DELETE  | /apis/ccompat/v7/subjects/psig.x-value                       | none                            | false
            PATCH   | /apis/registry/v2/groups/default/artifacts/a                 | Bearer deploy-token-01234567    | false
            """)
    void shouldLetReadsThroughAndWritesWithTheDeployTokenOnly(String method, String path, String authorization, boolean allowed) {
        assertThat(policy.allows(method, path, authorization)).isEqualTo(allowed);
    }

    @Test
    void shouldRefuseAGuessableToken() {
        assertThatThrownBy(() -> new GatePolicy("short")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GatePolicy(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
