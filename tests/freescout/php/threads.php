<?php
// Prints the threads of conversation $argv[1] as JSON, oldest first: type (customer, message,
// note, ...), body as stored, creation time. What FreeScout saved, independent of its pages.
require getcwd().'/vendor/autoload.php';
$app = require getcwd().'/bootstrap/app.php';
$app->make(Illuminate\Contracts\Console\Kernel::class)->bootstrap();

$types = [App\Thread::TYPE_CUSTOMER => 'customer', App\Thread::TYPE_MESSAGE => 'message', App\Thread::TYPE_NOTE => 'note'];
$threads = App\Thread::where('conversation_id', (int) $argv[1])->orderBy('id')->get();
echo json_encode($threads->map(fn ($t) => [
    'id' => $t->id,
    'type' => $types[$t->type] ?? (string) $t->type,
    'state' => $t->state,
    'body' => $t->body,
])->values(), JSON_UNESCAPED_UNICODE), "\n";
