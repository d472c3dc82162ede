package io.oncallhq.localruntime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Jars that run {@link StandInService}, as {@code java -jar} starts a service. */
final class StandInJars {

    private StandInJars() {
    }

    /** A jar at {@code jar} whose manifest runs {@link StandInService} from the test classes. */
    static Path create(Path jar) throws Exception {
        Path classes = Path.of(StandInService.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, StandInService.class.getName());
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classes.toUri().toString());
        Files.createDirectories(jar.toAbsolutePath().getParent());
        try (JarOutputStream ignored = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            // The manifest is all the jar holds.
        }
        return jar;
    }
}
