package io.oncallhq.localruntime;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * The H2 backend, also answering {@code hello}: the handshake command of MongoDB 4.4.2 and newer, which the
 * Java driver's users send (Spring Boot's MongoDB health check does) and mongo-java-server lacks. It answers like
 * {@code isMaster}, plus the {@code isWritablePrimary} field that {@code hello} uses instead of {@code ismaster}.
 */
final class HandshakeAwareH2Backend extends H2Backend {

    HandshakeAwareH2Backend(String fileName) {
        super(fileName);
    }

    HandshakeAwareH2Backend(MVStore store) {
        super(store);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if ("hello".equalsIgnoreCase(command)) {
            Document answer = super.handleCommand(channel, databaseName, "isMaster", query);
            answer.put("isWritablePrimary", answer.getOrDefault("ismaster", Boolean.TRUE));
            return answer;
        }
        return super.handleCommand(channel, databaseName, command, query);
    }
}
