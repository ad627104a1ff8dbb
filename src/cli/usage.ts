/** The CLI's usage text (`persongroup-bot help`, or no arguments). */
export const USAGE = `Usage: persongroup-bot <command>

Commands:
  serve                                   run the bot server (what \`npm start\` runs)
  workspace set <workspaceId> (--region <region> | --endpoint <https-url>) [--no-verify]
                                          set a workspace's Face API key, read from standard input
                                          (one line; never on the command line), checked live
                                          with the Face API unless --no-verify
  workspace show <workspaceId>            region or endpoint, and the key masked to its last 4
  workspace list                          every configured workspace
  workspace remove <workspaceId>          forget a workspace's key and region
  audit [--workspace <workspaceId>] [--group <personGroupId>] [--limit N]
                                          recent provisioning and config events, newest first
  group list <workspaceId> [--prefix P]   the workspace's person groups and large person groups
                                          (id, kind, name, model), read with its stored key
  group show <workspaceId> <id> [--large] one group: kind, model, persons, training, creator
                                          (--large: the large one where both kinds have the id)
  group delete <workspaceId> <id> [--large] --yes
                                          delete a group with the workspace's stored key (--large:
                                          the large person group where both kinds have the id)
  group train <workspaceId> <id> [--large] [--wait]
                                          train a group with the workspace's stored key; --wait
                                          follows it and prints the final status
  rotate-secret                           re-encrypt every stored key under SECRET_KEY
                                          (the old secret in SECRET_KEY_PREVIOUS)
  emulator [--port N] [--key K]...        the local Face API emulator (serves /face/v1.0 on loopback)
  help                                    this text

Workspace ids: slack:<team_id> or teams:<tenant_id>.
Example: printf '%s\\n' "$FACE_KEY" | persongroup-bot workspace set slack:T0123 --region westeurope
Exit codes: 0 success, 1 failure, 2 bad usage.`;
