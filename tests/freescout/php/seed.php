<?php
// Boots the FreeScout app from the current directory (the app's root) and makes sure the
// ReplyGuard test mailbox exists with the test agent on it. Safe to run any number of times.
// Prints the mailbox id.
require getcwd().'/vendor/autoload.php';
$app = require getcwd().'/bootstrap/app.php';
$app->make(Illuminate\Contracts\Console\Kernel::class)->bootstrap();

$email = $argv[1] ?? 'agent@replyguard.test';
$user = App\User::where('email', $email)->firstOrFail();
$mailbox = App\Mailbox::where('email', 'support@acme-support.com')->first();
if (!$mailbox) {
    $mailbox = new App\Mailbox();
    $mailbox->fill(['email' => 'support@acme-support.com', 'name' => 'Acme Support', 'ratings' => 1]);
    $mailbox->save();
}
$mailbox->users()->syncWithoutDetaching([$user->id]);
$mailbox->syncPersonalFolders([$user->id]);
echo $mailbox->id, "\n";
