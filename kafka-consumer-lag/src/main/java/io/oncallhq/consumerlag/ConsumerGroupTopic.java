package io.oncallhq.consumerlag;

/** One topic a consumer group reads: what one lag gauge is about. */
public record ConsumerGroupTopic(String group, String topic) {
}
