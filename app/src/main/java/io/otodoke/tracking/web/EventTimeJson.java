package io.otodoke.tracking.web;

import io.otodoke.tracking.EventTime;
import io.otodoke.tracking.TimePrecision;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * JSON conventions of architecture.md: an event time is ISO-8601 with its offset
 * ({@code 2026-11-17T12:31:00+09:00}), or a plain date ({@code 2026-11-17}) when the source gave
 * only a date — a date never turns into a midnight in some zone.
 */
@Configuration(proxyBeanMethods = false)
class EventTimeJson {

    @Bean
    SimpleModule otodokeJsonModule() {
        SimpleModule module = new SimpleModule("otodoke");
        module.addSerializer(EventTime.class, new ValueSerializer<>() {
            @Override
            public void serialize(EventTime time, JsonGenerator gen, SerializationContext ctxt) {
                gen.writeString(time.precision() == TimePrecision.DAY ? time.date().toString()
                        : time.offsetDateTime().toString());
            }
        });
        return module;
    }
}
