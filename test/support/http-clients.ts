/** Sends a JSON request to the sandbox's admin API under `${sandboxUrl}/_admin` and returns the parsed body. */
export async function callSandboxAdmin(sandboxUrl: string, method: string, path: string, body?: unknown): Promise<any> {
  const response = await fetch(`${sandboxUrl}/_admin${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return response.json();
}

/** Sends a JSON request to CaseBridge's API with a bearer token; the body is null when the response has none. */
export async function callApi(apiUrl: string, token: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(`${apiUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json().catch(() => null) };
}
