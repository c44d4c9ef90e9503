using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Logging;

namespace AmpaCds.Reporting.Portal;

/// <summary>
/// Renders a Razor component to an HTML string on the server (pages, the HTML export and the archived report). Text is
/// written as UTF-8 characters, not numeric references: Japanese reports stay readable in the source and a third the size.
/// </summary>
public sealed class PortalRenderer(IServiceProvider services, ILoggerFactory loggers)
{
    public async Task<string> RenderAsync<TComponent>(IDictionary<string, object?> parameters) where TComponent : IComponent
    {
        await using var renderer = new HtmlRenderer(new EncoderServices(services), loggers);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters));
            return output.ToHtmlString();
        });
    }

    /// <summary>A page as the answer to a request: the component rendered as UTF-8 HTML with the status given.</summary>
    public async Task<IResult> PageAsync<TPage>(IDictionary<string, object?> parameters, int status = 200) where TPage : IComponent =>
        Results.Content(await RenderAsync<TPage>(parameters), "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);
}

/// <summary>The caller's services, with an HTML encoder that leaves every Unicode letter as it is (markup characters are still encoded).</summary>
internal sealed class EncoderServices(IServiceProvider inner) : IServiceProvider
{
    private static readonly System.Text.Encodings.Web.HtmlEncoder Encoder =
        System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    public object? GetService(Type serviceType) =>
        serviceType == typeof(System.Text.Encodings.Web.HtmlEncoder) ? Encoder : inner.GetService(serviceType);
}
