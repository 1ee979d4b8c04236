import { mount } from '@ui/main-entry';
import { PageApp } from './PageApp';

mount(<PageApp />);
