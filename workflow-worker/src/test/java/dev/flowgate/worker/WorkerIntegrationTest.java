package dev.flowgate.worker;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one Spring context every worker IT shares: the whole worker on a random port against the
 * local Temporal (127.0.0.1:7233), NATS (127.0.0.1:4222), Kafka (127.0.0.1:9092), PostgreSQL, and a
 * local SMTP receiver ({@link TestMail}) as its mail server, its spans in memory ({@link TestSpans}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = {WorkerApplication.class, TestMail.class, TestSpans.class}, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public @interface WorkerIntegrationTest {}
