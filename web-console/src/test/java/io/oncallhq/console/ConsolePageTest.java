package io.oncallhq.console;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** The console against {@link StubbedServices}, one application context shared by every page test. */
@SpringBootTest
@AutoConfigureMockMvc
public abstract class ConsolePageTest {

    @Autowired
    protected MockMvc mvc;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry properties) {
        StubbedServices.register(properties);
    }

    @BeforeEach
    void knownTokens() {
        StubbedServices.reset();
    }
}
