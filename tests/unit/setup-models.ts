// The customer reading needs the shipped models, as the background and the CLI install them.
import { loadModelsFromDisk } from '@/lib/cli/load-models';

loadModelsFromDisk();
