package se.municipality.eops.starter.messaging;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.cloud.stream.config.BindingProperties;
import org.springframework.cloud.stream.config.BindingServiceProperties;

/**
 * Gives every binding with {@code consumer.batch-mode: true} the content type {@code application/octet-stream},
 * so a batch consumer ({@link EventHandlers#buildBatch()}) gets each record's bytes as they are. With the default
 * ({@code application/json}) Spring Cloud Function converts each payload of a batch for the function's
 * {@code List<byte[]>} and silently drops the records (and their headers) it cannot convert: every JSON record.
 */
public class BatchBindings implements BeanPostProcessor {

    static final String RAW = "application/octet-stream";

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof BindingServiceProperties properties) {
            properties.getBindings().values().forEach(BatchBindings::rawIfBatch);
        }
        return bean;
    }

    static void rawIfBatch(BindingProperties binding) {
        if (binding.getConsumer() != null && binding.getConsumer().isBatchMode()) {
            binding.setContentType(RAW);
        }
    }
}
