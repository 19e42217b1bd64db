package io.dbtcatalog.ingest.schedule;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a component only the {@code schedule} command uses (the Quartz scheduler, its metrics and health): the
 * one-shot commands start without it ({@code CommandApplication} leaves it out of its component scan), so they
 * need neither Quartz, a transaction manager, a meter registry nor Actuator.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ScheduleOnly {}
