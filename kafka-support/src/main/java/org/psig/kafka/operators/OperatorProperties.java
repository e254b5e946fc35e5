package org.psig.kafka.operators;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The operators who may read the health endpoint's details (cluster id, counts, states). Each
 * presents a bearer token on the management endpoints; only its SHA-256 is configured, as the
 * intake's API keys. None by default: then nobody sees the details, only the statuses.
 *
 * @param operators who they are and the SHA-256 of their token
 */
@Validated
@ConfigurationProperties("psig.management")
public record OperatorProperties(@NotNull List<@Valid Operator> operators) {

    public OperatorProperties {
        operators = operators == null ? List.of() : List.copyOf(operators);
    }

    /** @param sha256 hex SHA-256 of the token: {@code printf %s "$TOKEN" | sha256sum} */
    public record Operator(@NotBlank String name,
                           @NotNull @Pattern(regexp = "[0-9a-f]{64}", message = "must be 64 lower-case hex digits") String sha256) {
    }
}
