package org.psig.console.web;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param analysts who may sign in: CERT Santé's analysts, each with a bcrypt hash of their password
 *                 (never the password itself), as the intake keeps its keys
 */
@Validated
@ConfigurationProperties("psig.console")
public record ConsoleProperties(@NotEmpty(message = "psig.console.analysts: no analyst may sign in; give at least one "
        + "(name and bcrypt password-hash)") List<@Valid Analyst> analysts) {

    public record Analyst(@NotBlank String name,
                          @Pattern(regexp = "\\$2[aby]\\$\\d{2}\\$.{53}", message = "must be a bcrypt hash ($2a$10$...)")
                          String passwordHash) {
    }
}
