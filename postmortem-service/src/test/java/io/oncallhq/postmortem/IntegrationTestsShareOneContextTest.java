package io.oncallhq.postmortem;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.RegexPatternTypeFilter;
import org.springframework.test.context.BootstrapUtils;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.util.ClassUtils;

import java.util.List;
import java.util.regex.Pattern;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.mapping;
import static java.util.stream.Collectors.toList;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring starts a context for each distinct configuration: an integration test declaring a property, a bean, a mock
 * or a topic of its own would boot the service, a broker and its consumers once more, for itself alone.
 */
class IntegrationTestsShareOneContextTest {

    @Test
    void everyIntegrationTestRunsOnTheContextOfRunningPostmortemService() {
        List<Class<?>> integrationTests = integrationTests();

        assertThat(integrationTests).isNotEmpty()
                .allSatisfy(test -> assertThat(RunningPostmortemService.class).isAssignableFrom(test));
        assertThat(integrationTests.stream().collect(groupingBy(IntegrationTestsShareOneContextTest::contextOf,
                mapping(Class::getSimpleName, toList()))).values()).hasSize(1);
    }

    /** What Spring's context cache keys a context by. */
    private static MergedContextConfiguration contextOf(Class<?> testClass) {
        return BootstrapUtils.resolveTestContextBootstrapper(testClass).buildMergedContextConfiguration();
    }

    /** The concrete {@code *IT} classes of the module, not initialized (which would start the base's stand-ins). */
    private static List<Class<?>> integrationTests() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new RegexPatternTypeFilter(Pattern.compile(".*IT")));
        return scanner.findCandidateComponents(IntegrationTestsShareOneContextTest.class.getPackageName()).stream()
                .<Class<?>>map(found -> ClassUtils.resolveClassName(found.getBeanClassName(),
                        IntegrationTestsShareOneContextTest.class.getClassLoader()))
                .toList();
    }
}
