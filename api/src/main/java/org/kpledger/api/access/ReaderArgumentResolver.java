package org.kpledger.api.access;

import java.util.List;
import org.kpledger.api.problem.QueryRefusedException;
import org.kpledger.custody.Actor;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Gives a controller method its authenticated reader: declare an {@link Actor} parameter. A request
 * that reached a controller without an actor (a path the filter skips) is refused, so a query can
 * never run anonymously by mistake.
 */
@Configuration
class ReaderArgumentResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(this);
  }

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return Actor.class.equals(parameter.getParameterType());
  }

  @Override
  public Object resolveArgument(
      MethodParameter parameter,
      ModelAndViewContainer mav,
      NativeWebRequest request,
      WebDataBinderFactory binders) {
    Object actor =
        request.getAttribute(ReadAuthenticationFilter.ACTOR, RequestAttributes.SCOPE_REQUEST);
    if (actor == null) {
      throw new QueryRefusedException(
          HttpStatus.UNAUTHORIZED,
          "MISSING_CREDENTIALS",
          null,
          "this query needs an authenticated reader");
    }
    return actor;
  }
}
