export function createService(name: string) {
  return { name };
}
