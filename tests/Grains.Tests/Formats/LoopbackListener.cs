using System.Net;
using System.Net.Sockets;

namespace Codecov.Grains.Tests.Formats;

/// <summary>A loopback HTTP listener that only counts requests: proof that a parser fetched nothing.</summary>
public sealed class LoopbackListener : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private int requests;

    public LoopbackListener()
    {
        listener.Start();
        Url = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/";
        _ = AcceptAsync();
    }

    public string Url { get; }

    public int Requests => Volatile.Read(ref requests);

    public void Dispose() => listener.Stop();

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                using var client = await listener.AcceptTcpClientAsync();
                Interlocked.Increment(ref requests);
            }
        }
        catch (Exception e) when (e is ObjectDisposedException or SocketException)
        {
            // Stopped.
        }
    }
}
