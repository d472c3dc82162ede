package io.oncallhq.localruntime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Local TCP ports: finding a free one, and telling clearly when a wanted one is taken. */
public final class Ports {

    /** Everything local listens on the loopback interface only: nothing is exposed to the network. */
    public static final String HOST = "localhost";

    /**
     * Ports already handed out, or checked as about to be used, in this process. The kernel may give a port that was
     * bound and released a moment ago to the next bind on port 0, so two calls before either port is used could
     * otherwise return the same one (a broker whose client and controller listeners collide).
     */
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private Ports() {
    }

    /**
     * A port that was free a moment ago and that no earlier call in this process returned (another process may still
     * take it before it is used).
     */
    public static int free() {
        while (true) {
            int port = anyFree();
            if (HANDED_OUT.add(port)) {
                return port;
            }
        }
    }

    private static int anyFree() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free local port", e);
        }
    }

    /**
     * Fails with a message naming the setting to change when {@code port} is already in use; otherwise {@link #free()}
     * in this process will not offer it, since it is about to be used.
     */
    public static void requireFree(int port, String setting) {
        try (ServerSocket ignored = new ServerSocket(port, 1, InetAddress.getByName(HOST))) {
            HANDED_OUT.add(port);
        } catch (IOException e) {
            throw new IllegalStateException("Port " + port + " (" + setting + ") is already in use. "
                    + "Stop whatever listens there, or set " + setting + " to another port.", e);
        }
    }
}
