using AmpaCds.ServiceDefaults.Messaging;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;

namespace AmpaCds.Reporting.Operations.DeadLetters;

/// <summary>
/// One AMQP connection of the gateway for operations (queue depths, dead letters), apart from MassTransit's: with the
/// gateway's own broker user and virtual host. Opened on first use, opened again after it closed.
/// </summary>
public sealed class BrokerConnection(IOptions<BusOptions> options) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IConnection? _connection;

    public async Task<IChannel> OpenChannelAsync(bool confirmPublishes, CancellationToken cancellationToken)
    {
        var connection = await ConnectionAsync(cancellationToken);
        return await connection.CreateChannelAsync(new CreateChannelOptions(confirmPublishes, confirmPublishes), cancellationToken);
    }

    private async Task<IConnection> ConnectionAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_connection is { IsOpen: true })
            {
                return _connection;
            }
            if (_connection is not null)
            {
                await _connection.DisposeAsync();
            }
            var bus = options.Value;
            var factory = new ConnectionFactory
            {
                HostName = bus.Host,
                Port = bus.Port,
                VirtualHost = bus.VirtualHost,
                UserName = bus.Username,
                Password = bus.Password,
                ClientProvidedName = "ampacds-reporting-operations",
            };
            _connection = await factory.CreateConnectionAsync(cancellationToken);
            return _connection;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
        _gate.Dispose();
    }
}
