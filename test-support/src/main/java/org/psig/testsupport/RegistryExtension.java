package org.psig.testsupport;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Makes sure the JVM-wide schema registry runs before a test class (and its Spring context) starts. */
public class RegistryExtension implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        RegistryServer.shared();
    }
}
