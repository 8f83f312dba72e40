package org.scipionj.web.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.scipionj.api.project.ProjectService;
import org.scipionj.api.session.DemoService;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Serves the demo wizard ({@link DemoWizard}) at {@code /demo} on the Jakarta Servlet Whiteboard (more specific
 * than {@link ScipionServlet}'s "/"); present while a {@link DemoService} is. The admin token is the server's.
 * Thread-safe.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({"/demo", "/demo/*"})
@HttpWhiteboardServletName("scipion-demo-wizard")
public final class DemoWizardServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient DemoWizard wizard;

    @Activate
    public DemoWizardServlet(@Reference ProjectService projects, @Reference DemoService demos) {
        this.wizard = new DemoWizard(demos, new AdminToken(ServerInfo.runtimeDir(projects)));
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        WebReply reply = wizard.handle(request(req));
        ScipionServlet.write(reply, req.getMethod().equals("HEAD"), resp);
    }

    /** The request with its raw body, read here before the container could parse it as parameters. */
    static WebRequest request(HttpServletRequest req) throws IOException {
        String body = req.getMethod().equals("POST")
                ? new String(req.getInputStream().readNBytes(ScipionServlet.MAX_BODY), StandardCharsets.UTF_8) : "";
        String path = req.getRequestURI();
        String context = req.getContextPath();
        if (context != null && !context.isEmpty() && path.startsWith(context)) {
            path = path.substring(context.length());
        }
        return new WebRequest(req.getMethod(), path, Map.of(), req.getHeader("Authorization"), body);
    }
}
