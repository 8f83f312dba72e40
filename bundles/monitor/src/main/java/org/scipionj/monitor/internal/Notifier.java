package org.scipionj.monitor.internal;

import java.io.IOException;

/** Sends one alert somewhere (e-mail, webhook). */
interface Notifier {

    /** A short name for logs. */
    String name();

    void send(String project, Alert alert) throws IOException;
}
