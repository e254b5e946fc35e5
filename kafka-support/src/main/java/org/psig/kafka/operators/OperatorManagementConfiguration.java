package org.psig.kafka.operators;

import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointProperties;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * On the management endpoints only, wherever they are served (the intake's own management port, or
 * the service's port): the API's requests never meet the operator filter. Last in the chain, so
 * that a security filter of the service's own (the console's) does not replace who it says the
 * operator is.
 */
@ManagementContextConfiguration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(OperatorProperties.class)
class OperatorManagementConfiguration {

    @Bean
    FilterRegistrationBean<OperatorRequests> operatorRequests(OperatorProperties operators, WebEndpointProperties endpoints) {
        FilterRegistrationBean<OperatorRequests> registration = new FilterRegistrationBean<>(new OperatorRequests(operators));
        registration.addUrlPatterns(endpoints.getBasePath() + "/*");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE);
        return registration;
    }
}
