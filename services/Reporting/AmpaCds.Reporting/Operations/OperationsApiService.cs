using System.Globalization;
using AmpaCds.Contracts.Operations;
using AmpaCds.Reporting.Operations.DeadLetters;
using AmpaCds.Security.Access;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Logging;
using ContractDeadLetter = AmpaCds.Contracts.Operations.DeadLetter;
using ContractQueueDepth = AmpaCds.Contracts.Operations.QueueDepth;

namespace AmpaCds.Reporting.Operations;

/// <summary>Dead letters for operations (role ops): listed with their fault, replayed to their queue. No message bodies.</summary>
[Authorize(Roles = Roles.Ops)]
public sealed partial class OperationsApiService(IDeadLetterQueues queues, BrokerQueueSampler sampler, ILogger<OperationsApiService> logger) : OperationsApi.OperationsApiBase
{
    public override async Task<ListDeadLettersReply> ListDeadLetters(ListDeadLettersRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var listing = await Call(() => queues.ListAsync(string.IsNullOrWhiteSpace(request.Queue) ? null : request.Queue.Trim(), context.CancellationToken));
        var reply = new ListDeadLettersReply { Available = listing.Available, UnavailableReason = listing.UnavailableReason };
        reply.Queues.AddRange(listing.Queues.Select(depth => new ContractQueueDepth
        {
            Queue = depth.Queue, Ready = depth.Ready, Consumers = depth.Consumers, DeadLetters = depth.DeadLetters,
        }));
        reply.DeadLetters.AddRange(listing.DeadLetters.Select(letter => new ContractDeadLetter
        {
            Queue = letter.Queue,
            MessageId = letter.MessageId,
            MessageType = letter.MessageType,
            ExceptionType = letter.ExceptionType,
            Reason = letter.Reason,
            FaultedAt = letter.FaultedAt?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture) ?? "",
            SizeBytes = letter.SizeBytes,
        }));
        return reply;
    }

    public override async Task<ReplayDeadLettersReply> ReplayDeadLetters(ReplayDeadLettersRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        if (string.IsNullOrWhiteSpace(request.Queue))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "queue is required: the consumer queue whose dead letters go back"));
        }
        var queue = request.Queue.Trim();
        var replay = await Call(() => queues.ReplayAsync(queue, request.MessageIds.Where(id => !string.IsNullOrWhiteSpace(id)).ToList(), context.CancellationToken));
        LogReplayed(context.GetHttpContext().User.Identity?.Name ?? "unknown", replay.Replayed, queue, replay.NotFound.Count);
        // The ops page and the gauges should show the emptier _error queue now, not at the next tick.
        await sampler.SampleAsync(context.CancellationToken);
        var reply = new ReplayDeadLettersReply { Replayed = replay.Replayed };
        reply.NotFound.AddRange(replay.NotFound);
        return reply;
    }

    private static async Task<T> Call<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (DeadLetterException error)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, error.Message));
        }
        catch (DeadLettersUnavailableException error)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, error.Message));
        }
        catch (RabbitMQ.Client.Exceptions.BrokerUnreachableException error)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, "the broker cannot be reached: " + error.Message));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{User} replayed {Replayed} dead letters of queue {Queue} ({NotFound} asked-for ids not found)")]
    private partial void LogReplayed(string user, int replayed, string queue, int notFound);
}
