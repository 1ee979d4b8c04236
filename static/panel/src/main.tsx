import { mount } from '@ui/main-entry';
import { PanelApp } from './PanelApp';

mount(<PanelApp />);
