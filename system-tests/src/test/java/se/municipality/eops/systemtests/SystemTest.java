package se.municipality.eops.systemtests;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Put on every system test class ({@code *IT}): starts the {@link Suite} once per JVM before the first test and
 * keeps, for each test, the part of every process's log written during it ({@link ServiceLogs}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ServiceLogs.class)
public @interface SystemTest {}
