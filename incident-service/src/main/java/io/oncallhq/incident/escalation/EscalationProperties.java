package io.oncallhq.incident.escalation;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param pollInterval   how often due timers are looked for
 * @param lease          how long a claimed timer belongs to its claimer; after that another instance takes over
 * @param repairInterval how often open incidents are checked for a pending step whose timer was never stored
 *                       (the instance stopped between saving the incident and storing the timer)
 * @param instanceId     this instance's name on the leases it holds; a random one when blank
 */
@ConfigurationProperties("incident.escalation")
public record EscalationProperties(Duration pollInterval, Duration lease, Duration repairInterval, String instanceId) {
}
