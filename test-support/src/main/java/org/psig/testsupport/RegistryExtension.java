package org.psig.testsupport;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;

/**
 * Makes sure the JVM-wide schema registry runs before a test class and its Spring context start:
 * with a per-class lifecycle, Spring builds the context when the instance is created, before any
 * beforeAll callback.
 */
public class RegistryExtension implements TestInstancePreConstructCallback, BeforeAllCallback {

    @Override
    public void preConstructTestInstance(TestInstanceFactoryContext factoryContext, ExtensionContext context) {
        RegistryServer.shared();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        RegistryServer.shared();
    }
}
