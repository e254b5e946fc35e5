package org.psig.intake.api;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.psig.intake.config.IntakeProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every request to the API takes a place in {@link Admission} before anything else is done (before
 * the body is read or the key checked) and gives it back once answered; a request refused raises
 * {@link Admission.OverloadedException}, which {@link ProblemHandler} answers 503 with Retry-After.
 * Health and metrics (the management port) are not counted: operators must see an overloaded intake.
 */
@Configuration(proxyBeanMethods = false)
class AdmissionControl implements WebMvcConfigurer, HandlerInterceptor {

    private final Admission admission;

    AdmissionControl(IntakeProperties properties, MeterRegistry meters) {
        IntakeProperties.AdmissionSettings settings = properties.admission();
        this.admission = new Admission(settings.maxInFlight(), settings.maxWait());
        Gauge.builder("psig.intake.requests.in.flight", admission, Admission::inFlight)
                .description("API requests being answered now; at psig.intake.admission.max-in-flight, new ones wait, then get 503")
                .register(meters);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        admission.enter();
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        admission.leave();
    }
}
