package org.psig.testsupport;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;

/** Every thread's stack, for the report of a test that timed out waiting for Kafka. */
public final class ThreadDump {

    private ThreadDump() {
    }

    public static String now() {
        StringBuilder dump = new StringBuilder("Thread dump:\n");
        for (ThreadInfo thread : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
            dump.append('"').append(thread.getThreadName()).append("\" ").append(thread.getThreadState()).append('\n');
            for (StackTraceElement frame : thread.getStackTrace()) {
                dump.append("    at ").append(frame).append('\n');
            }
        }
        return dump.toString();
    }
}
