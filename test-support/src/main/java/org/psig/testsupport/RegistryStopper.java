package org.psig.testsupport;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/** Stops the registry when the JUnit session closes, whether the tests passed or not. */
public class RegistryStopper implements LauncherSessionListener {

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        RegistryServer.stopShared();
    }
}
