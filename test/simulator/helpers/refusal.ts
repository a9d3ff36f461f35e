/** What the SDK threw for a refused request: its status and body. Fails if it was not refused. */
export async function refusal(
  promise: Promise<unknown>,
): Promise<{ status: number; data: Record<string, unknown> }> {
  try {
    await promise;
  } catch (error) {
    const response = (error as { response?: { status: number; data: Record<string, unknown> } })
      .response;
    if (response) return response;
    throw error;
  }
  throw new Error('the request was not refused');
}
